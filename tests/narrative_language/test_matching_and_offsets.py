from rightcare.narrative.language import check_language

from .helpers import only_flag, terms_in


def test_offsets_point_at_the_exact_words_in_the_original_text() -> None:
    text = "Line one.\nCaller's BROTHER Committed  Suicide in 2019; he's a psycho."
    flags = check_language(text)
    assert [f.text for f in flags] == ["Committed  Suicide", "psycho"]
    for flag in flags:
        assert text[flag.start : flag.end] == flag.text


def test_matching_ignores_case() -> None:
    assert terms_in("COMMITTED SUICIDE") == ["committed_suicide"]


def test_a_hyphen_or_line_break_matches_a_space() -> None:
    assert terms_in("attention-seeking") == ["attention_seeking"]
    assert terms_in("committed\nsuicide") == ["committed_suicide"]


def test_simple_inflections_are_matched() -> None:
    assert terms_in("Two nutters outside.") == ["nutter"]
    assert terms_in("The 14yo is constantly putting herself at risk.") == ["putting_self_at_risk"]
    assert terms_in("She keeps prostituting herself, she is 15.") == ["prostituting_self"]


def test_only_whole_words_match() -> None:
    assert terms_in("psychology student; the psychologist is on scene") == []
    assert terms_in("Moroni Street; cretinous remarks") == []


def test_curly_apostrophes_match_straight_ones_in_the_list() -> None:
    assert terms_in("Only a lovers’ tiff.") == ["tiff"]


def test_overlapping_entries_keep_the_longest_words() -> None:
    flag = only_flag("A failed suicide attempt last week.")
    assert flag.term == "failed_suicide"
    assert flag.text == "failed suicide attempt"


def test_flags_come_in_the_order_they_appear() -> None:
    flags = check_language("He's a nutter. She committed suicide. Wheelchair bound.")
    assert [f.start for f in flags] == sorted(f.start for f in flags)
    assert len(flags) == 3


def test_empty_text_has_no_flags() -> None:
    assert check_language("") == []


def test_flags_are_frozen() -> None:
    flag = only_flag("He's a nutter.")
    try:
        flag.start = 0  # type: ignore[misc]
    except Exception:
        return
    raise AssertionError("a flag should not be editable")
