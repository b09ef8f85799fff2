// Calendar days in the office's time zone, for the date field that extends an offer: the day a
// moment falls on there, and the moment on another day at the same time of day there.

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClock(moment: number, timeZone: string): WallClock {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  }).formatToParts(new Date(moment));
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((each) => each.type === type)?.value ?? "0");
  return {
    year: part("year"),
    month: part("month"),
    day: part("day"),
    hour: part("hour"),
    minute: part("minute"),
    second: part("second"),
  };
}

function asUtc(clock: WallClock): number {
  return Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);
}

/** The day a moment falls on in the time zone, as a date field's value ("2026-12-07"). */
export function dayOf(iso: string, timeZone: string): string {
  const { year, month, day } = wallClock(Date.parse(iso), timeZone);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${String(year).padStart(4, "0")}-${pad(month)}-${pad(day)}`;
}

/** The moment on `day` ("2026-12-20") at the time of day `iso` has, both in the time zone. */
export function sameTimeOn(day: string, iso: string, timeZone: string): string {
  const [year = 0, month = 1, date = 1] = day.split("-").map(Number);
  const time = wallClock(Date.parse(iso), timeZone);
  const wanted = asUtc({ ...time, year, month, day: date });
  // The zone's offset at the guess, twice, so a day across a clock change lands right.
  let moment = wanted;
  for (let round = 0; round < 2; round += 1) {
    moment = wanted - (asUtc(wallClock(moment, timeZone)) - moment);
  }
  return new Date(moment).toISOString();
}
