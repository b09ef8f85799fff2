// Calendar days in the office's time zone, for the date field that extends an offer: the day a
// moment falls on there, and the moment on another day at the same time of day there.

import { momentAt, wallClock } from "../i18n/wallClock";

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
  const moment = momentAt({ ...time, year, month, day: date }, timeZone);
  return new Date(moment).toISOString();
}
