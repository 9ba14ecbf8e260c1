"""Excel workbooks: read rows into models with cell-precise messages, write input workbooks.

Reading: ``read`` reads a workbook into records; ``grid`` (over ``xlsx``) streams its cells;
``sheets`` and ``layout`` find the table's sheets, header rows and columns (``headers``
matches headers as people type them); ``index`` keeps the rows aside by record; ``records``
makes a record from its rows, ``values``, ``display`` and ``numbers`` read its cells;
``messages`` and ``notices`` phrase problems and notices by sheet, row and column.
Both ways: ``columns`` (types in ``column_types``) maps a model's fields to columns.
Writing: ``write`` and ``examples`` make the workbook to fill in; ``template`` and ``typed``
derive a model from a user's own .docx.
"""
