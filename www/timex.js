// TIMEX3 values for people: in words ("Friday, 11 p.m.", "Thursday, 16 October 2025") and as a
// point on a timeline. `describeValue` never returns a raw value: what it cannot read is "a date
// the text does not pin down"; the TIMEX3 value is shown beside the words, second.

const DAY = new Intl.DateTimeFormat("en-GB", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const MONTH = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const UNITS = { Y: "year", M: "month", W: "week", D: "day", H: "hour", TM: "minute", S: "second", DE: "decade", CE: "century" };
const SEASONS = { SP: "spring", SU: "summer", FA: "autumn", WI: "winter" };
const SEASON_MONTH = { SP: 2, SU: 5, FA: 8, WI: 11 };
const PARTS = { MO: "morning", AF: "afternoon", EV: "evening", NI: "night", DT: "daytime" };
const PART_HOUR = { MO: 8, AF: 14, DT: 12, EV: 19, NI: 22 };
const REFS = { PRESENT_REF: "now", PAST_REF: "in the past", FUTURE_REF: "in the future" };
const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const NUMBERS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];
// TIMEX3 `mod` (ISO-TimeML modifiers), as words put before the value's reading.
const MODS = {
  APPROX: "about",
  LESS_THAN: "less than",
  MORE_THAN: "more than",
  EQUAL_OR_LESS: "at most",
  EQUAL_OR_MORE: "at least",
  BEFORE: "before",
  AFTER: "after",
  ON_OR_BEFORE: "on or before",
  ON_OR_AFTER: "on or after",
  START: "the start of",
  MID: "the middle of",
  END: "the end of",
};

/** "11 p.m.", "9:30 a.m.", "noon", "midnight" for a 24-hour HH and MM. */
export function clockTime(hh, mm) {
  const hour = Number(hh);
  const minute = Number(mm);
  if (minute === 0 && hour === 12) return "noon";
  if (minute === 0 && (hour === 0 || hour === 24)) return "midnight";
  const twelve = hour % 12 === 0 ? 12 : hour % 12;
  const half = hour < 12 || hour === 24 ? "a.m." : "p.m.";
  return `${twelve}${minute ? `:${String(minute).padStart(2, "0")}` : ""} ${half}`;
}

/** "T23:00" / "TEV" / "" → ", 11 p.m." / ", evening" / "". */
function timeOfDay(rest) {
  if (!rest) return "";
  let m;
  if ((m = /^T(\d{2}):(\d{2})(?::\d{2})?$/.exec(rest))) return `, ${clockTime(m[1], m[2])}`;
  if ((m = /^T(MO|AF|EV|NI|DT)$/.exec(rest))) return `, ${PARTS[m[1]]}`;
  return null;
}

const count = (n) => (Number.isInteger(n) && n < NUMBERS.length ? NUMBERS[n] : String(n));

/** The value in words, or null when it has no simple reading. */
export function readable(value) {
  if (typeof value !== "string") return null;
  if (REFS[value]) return REFS[value];
  let m;
  if ((m = /^(\d{4})-(\d{2})-(\d{2})(T.*)?$/.exec(value))) {
    const date = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    const time = timeOfDay(m[4]);
    if (Number.isNaN(date.getTime()) || time == null) return null;
    return `${DAY.format(date)}${time}`;
  }
  if ((m = /^T(\d{2}):(\d{2})$/.exec(value))) return clockTime(m[1], m[2]);
  if ((m = /^XXXX-WXX-([1-7])(T.*)?$/.exec(value))) {
    const time = timeOfDay(m[2]);
    if (time == null) return null;
    return m[2] ? `${WEEKDAYS[m[1] - 1]}${time}` : `every ${WEEKDAYS[m[1] - 1]}`;
  }
  if ((m = /^XXXX-(\d{2})-(\d{2})(T.*)?$/.exec(value))) {
    const time = timeOfDay(m[3]);
    if (time == null || !MONTHS[+m[1] - 1]) return null;
    return `${Number(m[2])} ${MONTHS[+m[1] - 1]}${time}, year not given`;
  }
  if ((m = /^XXXX-(\d{2})$/.exec(value)) && MONTHS[+m[1] - 1]) return `${MONTHS[+m[1] - 1]}, year not given`;
  if ((m = /^XXXX-XX-XX(T.*)$/.exec(value)) && timeOfDay(m[1])) return `${timeOfDay(m[1]).slice(2)}, day not given`;
  if ((m = /^(\d{4})-(\d{2})$/.exec(value))) return MONTH.format(new Date(Date.UTC(+m[1], +m[2] - 1, 1)));
  if ((m = /^(\d{4})-W(\d{2})$/.exec(value))) return `week ${Number(m[2])} of ${m[1]}`;
  if ((m = /^(\d{4})-W(\d{2})-WE$/.exec(value))) return `the weekend of week ${Number(m[2])}, ${m[1]}`;
  if ((m = /^(\d{4})-Q([1-4])$/.exec(value))) return `quarter ${m[2]} of ${m[1]}`;
  if ((m = /^(\d{4})-H([12])$/.exec(value))) return `${m[2] === "1" ? "first" : "second"} half of ${m[1]}`;
  if ((m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(value))) return `${SEASONS[m[2]]} ${m[1]}`;
  if ((m = /^XXXX-(SP|SU|FA|WI)$/.exec(value))) return `${SEASONS[m[1]]}, year not given`;
  if ((m = /^(\d{4})$/.exec(value))) return `the year ${m[1]}`;
  if ((m = /^(\d{3})X?$/.exec(value))) return `the ${m[1]}0s`;
  if ((m = /^(\d{2})(?:XX)?$/.exec(value))) return `the ${m[1]}00s`;
  if ((m = /^P(\d+(?:\.\d+)?|X)(Y|M|W|D|DE|CE)$/.exec(value)) || (m = /^PT(\d+(?:\.\d+)?|X)(H|M|S)$/.exec(value))) {
    const unit = value.startsWith("PT") && m[2] === "M" ? UNITS.TM : UNITS[m[2]];
    if (m[1] === "X") return `some ${unit}s`;
    const n = Number(m[1]);
    return `${count(n)} ${unit}${n === 1 ? "" : "s"}`;
  }
  if ((m = /^P1(D|W|M|Y)$/.exec(value))) return `one ${UNITS[m[1]]}`;
  return null;
}

/**
 * Words for a temporal span's value, never a raw TIMEX3 value: its reading, with its `mod` in
 * words before it ("more than two hours"); for a value with no reading, what kind of thing it is.
 */
export function describeValue(value, mod, kind = "date") {
  const words = readable(value);
  const base =
    words ??
    (value
      ? { date: "a date", time: "a time", duration: "a length of time", set: "a repeating time" }[kind] ?? "a date"
      : null);
  if (base == null) return null;
  const exact = words != null;
  const prefix = mod && MODS[mod] ? `${MODS[mod]} ` : "";
  return `${prefix}${base}${exact ? "" : " the text does not pin down"}`;
}

/** The `mod` in words, or null. */
export const modWords = (mod) => (mod && MODS[mod]) || null;

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
  if ((m = /^(\d{3})X?$/.exec(value))) return Date.UTC(+m[1] * 10, 0, 1);
  if ((m = /^(\d{2})(?:XX)?$/.exec(value))) return Date.UTC(+m[1] * 100, 0, 1);
  return null;
}

/** Whether `value` is a real calendar date written YYYY-MM-DD (what the analyzer accepts). */
export function isIsoDate(value) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value ?? "");
  if (!m) return false;
  const date = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return date.getUTCFullYear() === +m[1] && date.getUTCMonth() === +m[2] - 1 && date.getUTCDate() === +m[3];
}

/** Today in the reader's time zone, YYYY-MM-DD. */
export function today(now = new Date()) {
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
