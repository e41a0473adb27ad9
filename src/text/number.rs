//! Decimal numbers read without `str::parse::<f64>`.
//!
//! Core's float parser is exact for every input, and pays for it with a
//! table of 128-bit powers of five and big-number code: about 15 KB of the
//! gzipped wasm, for the two numbers the engine reads (a card's sentiment
//! score, a pack's QA weight). Those are short decimals, for which one
//! IEEE multiplication or division of two exact values is already the
//! correctly rounded result (Clinger's fast path); longer or more extreme
//! numbers are read to within an ulp or two, which no threshold or weight
//! can tell apart (at the very ends of the f64 range, within an ulp of
//! `f64::MAX` or among the subnormals, that may tip into infinity or
//! zero).

/// Significant digits kept; more are dropped (and counted in the scale).
const KEPT: u64 = 1_000_000_000_000_000_000;
/// Integers up to 2^53 are exact in an f64.
const EXACT: u64 = 1 << 53;
/// 10^22 is the largest power of ten exact in an f64.
const EXACT_POWER: i32 = 22;

/// Reads a decimal number as `str::parse::<f64>` does: an optional sign,
/// digits with an optional `.` (at least one digit), an optional exponent
/// (`e` or `E`, an optional sign, digits), or `inf`, `infinity`, `nan` in
/// any case. `None` for anything else (spaces, `_`, hexadecimal).
pub fn decimal(s: &str) -> Option<f64> {
    let (negative, body) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let value = if body.eq_ignore_ascii_case("inf") || body.eq_ignore_ascii_case("infinity") {
        f64::INFINITY
    } else if body.eq_ignore_ascii_case("nan") {
        f64::NAN
    } else {
        finite(body)?
    };
    Some(if negative { -value } else { value })
}

/// An unsigned decimal with an optional fraction and exponent.
fn finite(body: &str) -> Option<f64> {
    let (mantissa, exponent) = match body.split_once(['e', 'E']) {
        Some((m, e)) => (m, Some(e)),
        None => (body, None),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = |d: &str| d.bytes().all(|b| b.is_ascii_digit());
    if (whole.is_empty() && fraction.is_empty()) || !digits(whole) || !digits(fraction) {
        return None;
    }
    let mut scale = match exponent {
        None => 0,
        Some(e) => exponent_of(e)?,
    };
    let mut m: u64 = 0;
    for (b, in_fraction) in whole
        .bytes()
        .map(|b| (b, false))
        .chain(fraction.bytes().map(|b| (b, true)))
    {
        if m < KEPT {
            m = m * 10 + u64::from(b - b'0');
            scale -= i32::from(in_fraction);
        } else {
            scale += i32::from(!in_fraction);
        }
    }
    if m == 0 {
        // Zero at any scale (and no 0 × ∞).
        return Some(0.0);
    }
    let m_f = m as f64;
    Some(
        if m <= EXACT && (-EXACT_POWER..=EXACT_POWER).contains(&scale) {
            // Both operands exact: the one rounding is the correct one.
            if scale >= 0 {
                m_f * 10f64.powi(scale)
            } else {
                m_f / 10f64.powi(-scale)
            }
        } else if scale >= 0 {
            m_f * 10f64.powi(scale)
        } else if scale >= -300 {
            m_f / 10f64.powi(-scale)
        } else {
            // 10^-scale overflows: come down in two steps.
            m_f / 1e300 / 10f64.powi(-scale - 300)
        },
    )
}

/// An exponent's value, clamped far beyond where every f64 is zero or
/// infinite (so that no digit string overflows it).
fn exponent_of(e: &str) -> Option<i32> {
    let (negative, digits) = match e.as_bytes().first() {
        Some(b'-') => (true, &e[1..]),
        Some(b'+') => (false, &e[1..]),
        _ => (false, e),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let value = digits
        .bytes()
        .fold(0i32, |v, b| (v * 10 + i32::from(b - b'0')).min(100_000));
    Some(if negative { -value } else { value })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_str_parse_reads() {
        for s in [
            "0",
            "-0",
            "+3",
            "2.5",
            "-0.6",
            ".5",
            "5.",
            "1e3",
            "1E-3",
            "6.626e-34",
            "0.1",
            "0.25",
            "-0.25",
            "12345678901234567890",
            "1.7976931348623e300",
            "5e-324",
            "1e400",
            "1e-400",
            "0.000000000000000000000000000001",
            "123456789012345678901234567890e-20",
            "0e99999",
            "0.0e-99999",
        ] {
            let want: f64 = s.parse().unwrap();
            let got = decimal(s).unwrap_or_else(|| panic!("{s} refused"));
            let close = got == want || ((got - want) / want).abs() < 1e-15;
            assert!(close, "{s}: {got} vs {want}");
        }
        for s in ["inf", "-Infinity", "NaN", "+inf"] {
            let want: f64 = s.parse().unwrap();
            let got = decimal(s).unwrap();
            assert!(got == want || (got.is_nan() && want.is_nan()), "{s}");
        }
    }

    #[test]
    fn refuses_what_str_parse_refuses() {
        for s in [
            "", "-", ".", "e5", "1e", "1e+", "1_000", " 1", "1 ", "0x10", "1.2.3", "--1", "in",
        ] {
            assert!(s.parse::<f64>().is_err(), "{s} is a float to std");
            assert_eq!(decimal(s), None, "{s}");
        }
    }

    #[test]
    fn short_decimals_are_exact() {
        // Every decimal of up to 15 significant digits with a small
        // exponent is correctly rounded: the same f64 as std's.
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..20_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let digits = x % 1_000_000_000_000_000;
            let point = (x >> 50) % 16;
            let s = digits.to_string();
            let s = if (point as usize) < s.len() {
                format!(
                    "{}.{}",
                    &s[..s.len() - point as usize],
                    &s[s.len() - point as usize..]
                )
            } else {
                s
            };
            let exp = (x >> 56) as i32 % 8 - 4;
            let s = format!("{s}e{exp}");
            assert_eq!(decimal(&s), s.parse().ok(), "{s}");
        }
    }
}
