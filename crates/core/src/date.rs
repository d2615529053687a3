//! Calendar dates (`YYYY-MM-DD`) without time zones: go-live dates, due dates, waiver expiry.
//!
//! Readiness is judged in whole days, so a proleptic Gregorian day count is all we need.

use std::fmt;
use std::str::FromStr;

/// A calendar date, stored as days since 1970-01-01 so that ordering and differences are trivial.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    days: i64,
}

impl Date {
    /// Builds a date from its parts, or `None` when the day does not exist.
    pub fn from_ymd(year: i64, month: u32, day: u32) -> Option<Date> {
        if !(1..=9999).contains(&year) || !(1..=12).contains(&month) {
            return None;
        }
        if day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date {
            days: days_from_civil(year, month, day),
        })
    }

    /// Today in UTC, from the system clock.
    pub fn today_utc() -> Date {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        Date {
            days: i64::try_from(secs / 86_400).unwrap_or(0),
        }
    }

    /// Whole days from `self` to `other` (negative when `other` is earlier).
    pub fn days_until(self, other: Date) -> i64 {
        other.days - self.days
    }

    /// Working days (Monday to Friday) after `self` up to and including `other`; negative, counted
    /// the same way back, when `other` is earlier. Public holidays are not known, so not skipped.
    pub fn business_days_until(self, other: Date) -> i64 {
        weekdays_through(other.days) - weekdays_through(self.days)
    }

    pub fn add_days(self, days: i64) -> Date {
        Date {
            days: self.days + days,
        }
    }

    pub fn ymd(self) -> (i64, u32, u32) {
        civil_from_days(self.days)
    }
}

/// Weekdays from a fixed Monday up to and including day `days`: 1970-01-01 was a Thursday, so day
/// `days + 3` counts from a Monday.
fn weekdays_through(days: i64) -> i64 {
    let from_monday = days + 3;
    5 * from_monday.div_euclid(7) + (from_monday.rem_euclid(7) + 1).min(5)
}

impl FromStr for Date {
    type Err = String;

    fn from_str(s: &str) -> Result<Date, String> {
        let invalid = || format!("`{s}` is not a date in the form YYYY-MM-DD");
        let bytes = s.as_bytes();
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return Err(invalid());
        }
        let digits = |range: std::ops::Range<usize>| -> Option<u32> {
            let part = s.get(range)?;
            if part.bytes().all(|b| b.is_ascii_digit()) {
                part.parse().ok()
            } else {
                None
            }
        };
        let (Some(y), Some(m), Some(d)) = (digits(0..4), digits(5..7), digits(8..10)) else {
            return Err(invalid());
        };
        Date::from_ymd(i64::from(y), m, d).ok_or_else(|| format!("`{s}` is not a calendar date"))
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        text.parse()
            .map_err(|_| serde::de::Error::custom(format!("`{text}` is not a date (YYYY-MM-DD)")))
    }
}

fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

// Howard Hinnant's days_from_civil / civil_from_days algorithms.
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_through_text() {
        for s in ["1970-01-01", "2000-02-29", "2026-12-31", "2027-03-01"] {
            assert_eq!(s.parse::<Date>().map(|d| d.to_string()), Ok(s.to_string()));
        }
    }

    #[test]
    fn rejects_impossible_dates() {
        for s in [
            "2027-02-29",
            "2026-13-01",
            "2026-00-10",
            "26-01-01",
            "2026-1-1",
            "2026-01-3x",
        ] {
            assert!(s.parse::<Date>().is_err(), "{s} should be rejected");
        }
    }

    #[test]
    fn counts_days_across_a_leap_year() {
        let a: Date = "2028-02-28".parse().unwrap_or(Date::today_utc());
        let b: Date = "2028-03-01".parse().unwrap_or(Date::today_utc());
        assert_eq!(a.days_until(b), 2);
    }

    #[test]
    fn counts_working_days_after_a_date() {
        let d = |s: &str| s.parse::<Date>().unwrap_or(Date::today_utc());
        // 2027-05-03 is a Monday.
        let monday = d("2027-05-03");
        assert_eq!(monday.business_days_until(monday), 0);
        assert_eq!(monday.business_days_until(d("2027-05-07")), 4, "to Friday");
        assert_eq!(
            monday.business_days_until(d("2027-05-08")),
            4,
            "Saturday adds none"
        );
        assert_eq!(
            monday.business_days_until(d("2027-05-10")),
            5,
            "to the next Monday"
        );
        assert_eq!(
            monday.business_days_until(d("2027-04-30")),
            -1,
            "back to Friday"
        );
        assert_eq!(
            d("2027-05-08").business_days_until(d("2027-05-10")),
            1,
            "weekend to Monday"
        );
        // Against a day-by-day count, over three weeks either side of every weekday.
        for start in 0..7 {
            let a = monday.add_days(start);
            for n in -21..=21 {
                let b = a.add_days(n);
                let weekday = |x: Date| (x.days + 3).rem_euclid(7) < 5;
                let counted: i64 = if n >= 0 {
                    (1..=n).filter(|i| weekday(a.add_days(*i))).count() as i64
                } else {
                    -((n + 1..=0).filter(|i| weekday(a.add_days(*i))).count() as i64)
                };
                assert_eq!(a.business_days_until(b), counted, "{a} to {b}");
            }
        }
    }
}
