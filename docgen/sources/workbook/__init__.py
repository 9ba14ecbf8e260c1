"""Excel workbooks: read rows into models with cell-precise messages, write input workbooks.

``read`` reads a workbook into records, ``grid`` streams its cells, ``headers`` and ``index``
find the header row and match columns to fields, ``values`` turns cells into field values,
``records`` holds raw rows, ``messages`` phrases problems by sheet, row and column;
``write``, ``layout``, ``columns`` and ``examples`` write the workbook to fill in;
``template`` derives a model from a user's own .docx.
"""
