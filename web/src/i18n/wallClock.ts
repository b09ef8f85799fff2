// Wall-clock times in the office's time zone: what a moment reads there, and which moment a
// time typed there is, so a date(-time) field means the office's time whatever the browser's.

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export function wallClock(moment: number, timeZone: string): WallClock {
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

export function asUtc(clock: WallClock): number {
  return Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);
}

/** The moment whose wall clock in the zone is `wanted`, found from the zone's offset twice so a
 * time across a clock change lands right. */
export function momentAt(wanted: WallClock, timeZone: string): number {
  const target = asUtc(wanted);
  let moment = target;
  for (let round = 0; round < 2; round += 1) {
    moment = target - (asUtc(wallClock(moment, timeZone)) - moment);
  }
  return moment;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** A moment as a datetime-local field's value in the zone ("2026-12-07T09:00"). */
export function localInputValue(iso: string, timeZone: string): string {
  const time = wallClock(Date.parse(iso), timeZone);
  return `${pad(time.year, 4)}-${pad(time.month)}-${pad(time.day)}T${pad(time.hour)}:${pad(time.minute)}`;
}

/** A datetime-local field's value read in the zone, as ISO 8601 with the zone's offset then
 * ("2026-12-07T09:00:00+01:00"); null when the field does not hold a whole date and time. */
export function momentOfInput(value: string, timeZone: string): string | null {
  const found = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!found) return null;
  const [, year, month, day, hour, minute, second = "0"] = found;
  const wanted: WallClock = {
    year: Number(year),
    month: Number(month),
    day: Number(day),
    hour: Number(hour),
    minute: Number(minute),
    second: Number(second),
  };
  const moment = momentAt(wanted, timeZone);
  const shown = wallClock(moment, timeZone);
  const offset = Math.round((asUtc(shown) - moment) / 60_000);
  const sign = offset < 0 ? "-" : "+";
  const hours = Math.floor(Math.abs(offset) / 60);
  const minutes = Math.abs(offset) % 60;
  return (
    `${pad(shown.year, 4)}-${pad(shown.month)}-${pad(shown.day)}` +
    `T${pad(shown.hour)}:${pad(shown.minute)}:${pad(shown.second)}` +
    `${sign}${pad(hours)}:${pad(minutes)}`
  );
}
