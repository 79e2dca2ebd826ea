// TIMEX3 values for people: in words ("Thursday, 16 October 2025") and as a point on a timeline.

const DAY = new Intl.DateTimeFormat("en-GB", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const MONTH = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });
const UNITS = { Y: "year", M: "month", W: "week", D: "day", H: "hour", TM: "minute", S: "second", DE: "decade", CE: "century" };
const SEASONS = { SP: "spring", SU: "summer", FA: "autumn", WI: "winter" };
const SEASON_MONTH = { SP: 2, SU: 5, FA: 8, WI: 11 };
const PARTS = { MO: "morning", AF: "afternoon", EV: "evening", NI: "night", DT: "daytime" };
const PART_HOUR = { MO: 8, AF: 14, DT: 12, EV: 19, NI: 22 };
const REFS = { PRESENT_REF: "now", PAST_REF: "in the past", FUTURE_REF: "in the future" };
const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/** The value in words, or null when it has no simple reading. */
export function readable(value) {
  if (typeof value !== "string") return null;
  if (REFS[value]) return REFS[value];
  let m;
  if ((m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::\d{2})?|T(MO|AF|EV|NI|DT))?$/.exec(value))) {
    const date = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    if (Number.isNaN(date.getTime())) return null;
    const day = DAY.format(date);
    if (m[4]) return `${day}, ${m[4]}:${m[5]}`;
    if (m[6]) return `${day}, ${PARTS[m[6]]}`;
    return day;
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(value))) return MONTH.format(new Date(Date.UTC(+m[1], +m[2] - 1, 1)));
  if ((m = /^(\d{4})-W(\d{2})$/.exec(value))) return `week ${Number(m[2])} of ${m[1]}`;
  if ((m = /^(\d{4})-W(\d{2})-WE$/.exec(value))) return `the weekend of week ${Number(m[2])}, ${m[1]}`;
  if ((m = /^(\d{4})-Q([1-4])$/.exec(value))) return `quarter ${m[2]} of ${m[1]}`;
  if ((m = /^(\d{4})-H([12])$/.exec(value))) return `${m[2] === "1" ? "first" : "second"} half of ${m[1]}`;
  if ((m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(value))) return `${SEASONS[m[2]]} ${m[1]}`;
  if ((m = /^(\d{4})$/.exec(value))) return `the year ${m[1]}`;
  if ((m = /^(\d{3})X$/.exec(value))) return `the ${m[1]}0s`;
  if ((m = /^(\d{2})XX$/.exec(value))) return `the ${Number(m[1]) + 1}th century`;
  if ((m = /^XXXX-WXX-([1-7])$/.exec(value))) return `every ${WEEKDAYS[m[1] - 1]}`;
  if ((m = /^P(\d+(?:\.\d+)?|X)(Y|M|W|D|DE|CE)$/.exec(value)) || (m = /^PT(\d+(?:\.\d+)?|X)(H|M|S)$/.exec(value))) {
    const unit = value.startsWith("PT") && m[2] === "M" ? UNITS.TM : UNITS[m[2]];
    if (m[1] === "X") return `some ${unit}s`;
    return `${Number(m[1])} ${unit}${Number(m[1]) === 1 ? "" : "s"}`;
  }
  return null;
}

/**
 * Where the value starts, in milliseconds since 1970 (UTC), for ordering on a timeline; null
 * for values that are not a point or period in the calendar (durations, sets, "now").
 */
export function timelineKey(value) {
  if (typeof value !== "string") return null;
  let m;
  if ((m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})|T(MO|AF|EV|NI|DT))?/.exec(value))) {
    const hour = m[4] != null ? +m[4] : m[6] ? PART_HOUR[m[6]] : 0;
    return Date.UTC(+m[1], +m[2] - 1, +m[3], hour, m[5] != null ? +m[5] : 0);
  }
  if ((m = /^(\d{4})-W(\d{2})/.exec(value))) {
    // Monday of ISO week m[2]: the week holding 4 January is week 1.
    const jan4 = Date.UTC(+m[1], 0, 4);
    const monday1 = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * 86_400_000;
    return monday1 + (+m[2] - 1) * 7 * 86_400_000 + (value.endsWith("-WE") ? 5 * 86_400_000 : 0);
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(value))) return Date.UTC(+m[1], +m[2] - 1, 1);
  if ((m = /^(\d{4})-Q([1-4])$/.exec(value))) return Date.UTC(+m[1], (+m[2] - 1) * 3, 1);
  if ((m = /^(\d{4})-H([12])$/.exec(value))) return Date.UTC(+m[1], m[2] === "1" ? 0 : 6, 1);
  if ((m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(value))) return Date.UTC(+m[1], SEASON_MONTH[m[2]], 1);
  if ((m = /^(\d{4})$/.exec(value))) return Date.UTC(+m[1], 0, 1);
  if ((m = /^(\d{3})X$/.exec(value))) return Date.UTC(+m[1] * 10, 0, 1);
  if ((m = /^(\d{2})XX$/.exec(value))) return Date.UTC(+m[1] * 100, 0, 1);
  return null;
}
