// Amounts, counts and sizes as the office reads them, in the chosen language's locale. Money
// comes from the API as decimal text ("49.00"); sums are made in cents, never in floats.
import { useMemo } from "react";
import { LOCALES } from "./dates";
import { useLanguage } from "./language";

export interface NumberFormats {
  money: (amount: string, currency: string) => string;
  bytes: (count: number) => string;
  decimal: (value: number) => string;
}

const UNITS = ["byte", "kilobyte", "megabyte", "gigabyte", "terabyte"] as const;

/** An amount in cents from the API's decimal text, or null when it is no amount. */
export function centsOf(amount: string): number | null {
  const found = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(amount.trim());
  if (!found) return null;
  const [, sign = "", whole = "0", fraction = ""] = found;
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
  return sign === "-" ? -cents : cents;
}

/** The decimal text of an amount the API gives per unit, times a count. */
export function timesAmount(amount: string, count: number): string {
  const cents = (centsOf(amount) ?? 0) * count;
  const whole = Math.trunc(Math.abs(cents) / 100);
  const rest = String(Math.abs(cents) % 100).padStart(2, "0");
  return `${cents < 0 ? "-" : ""}${whole}.${rest}`;
}

export function useNumbers(): NumberFormats {
  const { language } = useLanguage();
  return useMemo(() => {
    const locale = LOCALES[language];
    return {
      money: (amount, currency) => {
        const cents = centsOf(amount);
        if (cents === null) return `${amount} ${currency}`;
        return new Intl.NumberFormat(locale, { style: "currency", currency }).format(cents / 100);
      },
      decimal: (value) =>
        new Intl.NumberFormat(locale, { maximumFractionDigits: value < 10 ? 1 : 0 }).format(value),
      bytes: (count) => {
        let unit = 0;
        let value = count;
        while (value >= 1000 && unit < UNITS.length - 1) {
          value /= 1000;
          unit += 1;
        }
        return new Intl.NumberFormat(locale, {
          style: "unit",
          unit: UNITS[unit],
          unitDisplay: unit === 0 ? "long" : "short",
          maximumFractionDigits: unit === 0 ? 0 : 1,
        }).format(value);
      },
    };
  }, [language]);
}
