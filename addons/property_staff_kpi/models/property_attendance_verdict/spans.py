"""Plain-Python interval arithmetic of the verdicts: sorted, disjoint (start, stop)
spans, as Odoo's Intervals would have them, without the recordsets Intervals unions
at every operation."""

import pytz


def _merged_spans(attendances):
    """The closed attendances as sorted, disjoint (check_in, check_out) pairs in UTC
    (aware), touching ones merged, as Odoo's Intervals would have them."""
    spans = sorted(
        (pytz.utc.localize(att.check_in), pytz.utc.localize(att.check_out))
        for att in attendances
        if att.check_in < att.check_out
    )
    return _normalized(spans)


def _normalized(spans):
    """Sorted, disjoint spans, overlapping or touching ones merged (Odoo's
    Intervals)."""
    merged = []
    for start, stop in sorted(spans):
        if start >= stop:
            continue
        if merged and start <= merged[-1][1]:
            if stop > merged[-1][1]:
                merged[-1] = (merged[-1][0], stop)
        else:
            merged.append((start, stop))
    return merged


def _intersected(spans, others):
    """``spans & others`` of two normalised lists (Odoo's Intervals.__and__)."""
    result = []
    position = 0
    for start, stop in spans:
        while position < len(others) and others[position][1] <= start:
            position += 1
        index = position
        while index < len(others) and others[index][0] < stop:
            begin, end = max(start, others[index][0]), min(stop, others[index][1])
            if begin < end:
                result.append((begin, end))
            index += 1
    return result


def _subtracted(spans, others):
    """``spans - others`` of two normalised lists (Odoo's Intervals.__sub__)."""
    result = []
    position = 0
    for start, stop in spans:
        while position < len(others) and others[position][1] <= start:
            position += 1
        cursor = start
        index = position
        while index < len(others) and others[index][0] < stop:
            if others[index][0] > cursor:
                result.append((cursor, others[index][0]))
            cursor = max(cursor, others[index][1])
            index += 1
        if cursor < stop:
            result.append((cursor, stop))
    return result


def _span_minutes(spans):
    return round(sum((stop - start).total_seconds() for start, stop in spans) / 60)
