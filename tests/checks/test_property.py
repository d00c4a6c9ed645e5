"""Property-based: consistent tables raise no error; any single changed cell is caught."""

from hypothesis import given, settings
from hypothesis import strategies as st

from gkreport.checks import check_report
from gkreport.formats import FORMAT_2021
from tests.factories import APPLICANTS, RESULT_ROWS, build_report, changed

counts = st.integers(min_value=0, max_value=5000)
results = st.fixed_dictionaries(
    {col: st.dictionaries(st.sampled_from(RESULT_ROWS), counts, max_size=6) for col in APPLICANTS}
)
carry = st.fixed_dictionaries({col: counts for col in APPLICANTS})
t4 = st.fixed_dictionaries(
    {
        group: st.tuples(counts, counts, counts, counts)
        for group in ("review", "litigation_direct", "litigation_after_review")
    }
)


@st.composite
def consistent_reports(draw):
    res = draw(results)
    forward = draw(carry)
    # 上年结转 can be at most what was processed plus carried forward (new_received >= 0)
    over = {col: draw(st.integers(0, sum(res[col].values()) + forward[col])) for col in APPLICANTS}
    return build_report(results=res, carried_over=over, carried_forward=forward, t4=draw(t4))


IDENTITY_CELLS = sorted({code for identity in FORMAT_2021.identities for code in identity.cells})


@settings(max_examples=150, deadline=None)
@given(consistent_reports())
def test_consistent_tables_produce_no_error(report):
    result = check_report(report)
    assert result.errors == []
    assert result.not_assessed == []


@settings(max_examples=300, deadline=None)
@given(consistent_reports(), st.sampled_from(IDENTITY_CELLS), st.integers(1, 10_000))
def test_any_single_changed_cell_is_named_by_a_hard_finding(report, code, delta):
    value = report["figures"][code]
    new_value = value + delta if value - delta < 0 or delta % 2 else value - delta
    broken = changed(report, **{code.replace(".", "__"): new_value})
    errors = check_report(broken).errors
    assert errors, f"changing {code} from {value} to {new_value} went unnoticed"
    assert any(code in finding.cells for finding in errors)


@settings(max_examples=100, deadline=None)
@given(consistent_reports(), st.sampled_from([c.code for c in FORMAT_2021.cells]))
def test_any_blanked_cell_is_named_by_an_h5_error(report, code):
    broken = changed(report, **{code.replace(".", "__"): None})
    result = check_report(broken)
    assert [f.cells for f in result.errors if f.rule == "H5"] == [(code,)]
