//! JSON numbers. They are what serde_json without its `float_roundtrip` feature makes of them,
//! bit for bit: integers as `u64` (negative ones as `i64`), `-0` and integers beyond those
//! as `f64`, and fractions and exponents through serde_json's `f64_from_parts` — the digits
//! as a `u64` (digits past 19 or 20 dropped), multiplied or divided once by a power of ten
//! from a table (serde_json's, computed: [`powers_of_ten`]). That is not always the nearest `f64` (an exact algorithm, like
//! `str::parse`, would differ by an ulp on some long or extreme numbers), but it is the
//! value every report so far was computed from, and the same natively and in WASM: one Rust
//! implementation of IEEE arithmetic. Their errors are reported where `parse`'s module
//! documentation says.

use super::super::value::{Number, Value};
use super::{Parsed, Parser, EOF_WHILE_PARSING_VALUE, INVALID_NUMBER, NUMBER_OUT_OF_RANGE};

impl Parser<'_> {
    /// A number after its `-` if any (serde_json's `parse_integer`).
    pub(super) fn integer(&mut self, positive: bool) -> Parsed<Value> {
        let Some(first) = self.next() else {
            return Err(self.error(EOF_WHILE_PARSING_VALUE));
        };
        let mut significand = match first {
            b'0' => {
                if self.peek_or_null().is_ascii_digit() {
                    return Err(self.peek_error(INVALID_NUMBER));
                }
                0
            }
            b'1'..=b'9' => u64::from(first - b'0'),
            _ => return Err(self.error(INVALID_NUMBER)),
        };
        if first != b'0' {
            while let Some(digit) = self.digit() {
                match significand
                    .checked_mul(10)
                    .and_then(|s| s.checked_add(digit))
                {
                    Some(more) => significand = more,
                    None => return float(self.long_integer(positive, significand)?),
                }
                self.index += 1;
            }
        }
        match self.peek_or_null() {
            b'.' => float(self.fraction(positive, significand, 0)?),
            b'e' | b'E' => float(self.exponent(positive, significand, 0)?),
            _ if positive => Ok(Value::Number(Number::Unsigned(significand))),
            _ => {
                let negative = (significand as i64).wrapping_neg();
                if negative >= 0 {
                    // `-0`, or below `i64::MIN`.
                    float(-(significand as f64))
                } else {
                    Ok(Value::Number(Number::Negative(negative)))
                }
            }
        }
    }

    /// The value of the digit at the index, not read.
    fn digit(&self) -> Option<u64> {
        let byte = self.peek_or_null();
        byte.is_ascii_digit().then(|| u64::from(byte - b'0'))
    }

    /// Skips digits.
    fn skip_digits(&mut self) {
        while self.digit().is_some() {
            self.index += 1;
        }
    }

    /// The digits of an integer past the 19 or 20 that fit a `u64`, each one more power of
    /// ten (serde_json's `parse_long_integer`).
    #[cold]
    fn long_integer(&mut self, positive: bool, significand: u64) -> Parsed<f64> {
        let mut exponent: i32 = 0;
        while self.digit().is_some() {
            self.index += 1;
            exponent = exponent.wrapping_add(1);
        }
        match self.peek_or_null() {
            b'.' => self.fraction(positive, significand, exponent),
            b'e' | b'E' => self.exponent(positive, significand, exponent),
            _ => self.f64_from_parts(positive, significand, exponent),
        }
    }

    /// From the `.` on (serde_json's `parse_decimal`): digits that still fit the significand
    /// are added to it, the rest skipped.
    fn fraction(&mut self, positive: bool, mut significand: u64, exponent: i32) -> Parsed<f64> {
        self.index += 1;
        if self.digit().is_none() {
            return Err(match self.peek() {
                Some(_) => self.peek_error(INVALID_NUMBER),
                None => self.peek_error(EOF_WHILE_PARSING_VALUE),
            });
        }
        let mut digits: i32 = 0;
        while let Some(digit) = self.digit() {
            match significand
                .checked_mul(10)
                .and_then(|s| s.checked_add(digit))
            {
                Some(more) => significand = more,
                None => {
                    self.skip_digits();
                    break;
                }
            }
            self.index += 1;
            digits = digits.wrapping_add(1);
        }
        let exponent = exponent.wrapping_sub(digits);
        match self.peek_or_null() {
            b'e' | b'E' => self.exponent(positive, significand, exponent),
            _ => self.f64_from_parts(positive, significand, exponent),
        }
    }

    /// From the `e` or `E` on (serde_json's `parse_exponent`).
    fn exponent(&mut self, positive: bool, significand: u64, starting: i32) -> Parsed<f64> {
        self.index += 1;
        let positive_exponent = match self.peek_or_null() {
            b'+' => {
                self.index += 1;
                true
            }
            b'-' => {
                self.index += 1;
                false
            }
            _ => true,
        };
        let first = match self.next() {
            None => return Err(self.error(EOF_WHILE_PARSING_VALUE)),
            Some(byte @ b'0'..=b'9') => i32::from(byte - b'0'),
            Some(_) => return Err(self.error(INVALID_NUMBER)),
        };
        let mut exponent = first;
        while let Some(digit) = self.digit() {
            self.index += 1;
            match exponent
                .checked_mul(10)
                .and_then(|e| e.checked_add(digit as i32))
            {
                Some(more) => exponent = more,
                None => {
                    // Past `i32::MAX`: zero, or out of range.
                    if significand != 0 && positive_exponent {
                        return Err(self.error(NUMBER_OUT_OF_RANGE));
                    }
                    self.skip_digits();
                    return Ok(if positive { 0.0 } else { -0.0 });
                }
            }
        }
        let exponent = if positive_exponent {
            starting.saturating_add(exponent)
        } else {
            starting.saturating_sub(exponent)
        };
        self.f64_from_parts(positive, significand, exponent)
    }

    /// `significand × 10^exponent`, rounded as serde_json rounds it: one multiplication or
    /// division by a power of ten from [`powers_of_ten`], or, below 1e-308, divisions by
    /// 1e308 first.
    fn f64_from_parts(
        &mut self,
        positive: bool,
        significand: u64,
        mut exponent: i32,
    ) -> Parsed<f64> {
        if self.powers_of_ten.is_empty() {
            self.powers_of_ten = powers_of_ten();
        }
        let mut f = significand as f64;
        loop {
            match self.powers_of_ten.get(exponent.unsigned_abs() as usize) {
                Some(&pow) => {
                    if exponent >= 0 {
                        f *= pow;
                        if f.is_infinite() {
                            return Err(self.error(NUMBER_OUT_OF_RANGE));
                        }
                    } else {
                        f /= pow;
                    }
                    break;
                }
                None => {
                    if f == 0.0 {
                        break;
                    }
                    if exponent >= 0 {
                        return Err(self.error(NUMBER_OUT_OF_RANGE));
                    }
                    f /= 1e308;
                    exponent += 308;
                }
            }
        }
        Ok(if positive { f } else { -f })
    }
}

/// A float as a JSON value (always finite: infinities are errors).
fn float(f: f64) -> Parsed<Value> {
    Ok(Value::Number(Number::Float(f)))
}

/// The powers of ten serde_json keeps in its `POW10` table.
const POWERS_OF_TEN: usize = 309;

/// 1e0 to 1e308, each the `f64` nearest the power of ten: serde_json's `POW10` table,
/// computed rather than stored, since its 2.4 KB of `f64`s do not compress. 10^k is 5^k × 2^k;
/// 5^k is kept to 125 bits, exact up to 5^53 and after that low by less than 2^-115 of
/// itself, and rounded to the nearest `f64` by the `u128` cast. A test checks all 309 against
/// the standard library's correctly rounded parse of `1e<k>`.
pub(super) fn powers_of_ten() -> Vec<f64> {
    let mut powers = Vec::with_capacity(POWERS_OF_TEN);
    // 5^k is `mantissa × 2^scale`.
    let mut mantissa: u128 = 1;
    let mut scale: u64 = 0;
    for k in 0..POWERS_OF_TEN as u64 {
        // 2^(k + scale) as an `f64`: below 2^1023 for every k here.
        let two_to_the = f64::from_bits((1023 + k + scale) << 52);
        powers.push(mantissa as f64 * two_to_the);
        mantissa *= 5;
        while mantissa >> 125 != 0 {
            mantissa >>= 1;
            scale += 1;
        }
    }
    powers
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn powers_of_ten_are_the_nearest_f64_to_each_power() {
        let powers = powers_of_ten();
        assert_eq!(powers.len(), 309);
        for (k, power) in powers.into_iter().enumerate() {
            let nearest: f64 = format!("1e{k}").parse().unwrap();
            assert_eq!(power.to_bits(), nearest.to_bits(), "1e{k}");
        }
    }
}
