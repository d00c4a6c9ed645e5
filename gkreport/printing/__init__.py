"""Printing: the report laid out as an official document (layout), rendered to HTML and
PDF (rendering; gkreport/pdf.py is the one module that imports WeasyPrint), its charts,
and the store of rendered PDFs (pdf_store)."""
