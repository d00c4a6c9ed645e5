"""S8: publication after the deadline (31 January; 31 March for the 本级政府's own report)."""

from gkreport.checks import messages
from gkreport.checks.context import needs
from gkreport.checks.findings import WARNING, Finding


@needs("published_on", "deadline")
def s8_publication_date(report, ctx):
    if ctx.published_on is None or ctx.deadline is None or ctx.published_on <= ctx.deadline:
        return []
    late = (ctx.published_on - ctx.deadline).days
    message = messages.published_late(ctx.published_on, ctx.deadline, late)
    return [Finding("S8", WARNING, (), message, "")]
