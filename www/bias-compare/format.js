// Number formatting: the panel's numbers as Intl.NumberFormat('en-US') writes them
// (thousands commas, a fixed or maximum number of decimals), without Intl.
//
// Why not Intl: creating Intl.NumberFormat objects costs some 25 ms of main thread in a fresh
// page, more than building the whole panel. Like Intl, these round the shortest decimal form
// of the number (0.35 is "0.35", so one decimal gives 0.4), half away from zero.
// tests/node/format.test.mjs holds them to Intl's output.

/** A formatter with `digits` decimals, or at most `digits` when `trim` drops trailing zeros. */
function formatter(digits, trim) {
  return (value) => {
    const number = Number(value) || 0;
    let text = String(Math.abs(number));
    if (text.includes('e')) text = Math.abs(number).toFixed(digits);
    let [whole, fraction = ''] = text.split('.');
    if (fraction.length > digits) {
      const up = fraction[digits] >= '5';
      fraction = fraction.slice(0, digits);
      if (up) {
        const scaled = String(BigInt(whole + fraction) + 1n).padStart(whole.length + digits, '0');
        whole = scaled.slice(0, scaled.length - digits);
        fraction = scaled.slice(scaled.length - digits);
      }
    }
    fraction = fraction.padEnd(digits, '0');
    if (trim) fraction = fraction.replace(/0+$/, '');
    const sign = number < 0 ? '-' : '';
    return `${sign}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction ? `.${fraction}` : ''}`;
  };
}

/** Counts and other plain numbers: Intl's default of at most three decimals. */
export const formatNumber = formatter(3, true);
/** A term's rate per 10,000 terms: at most one decimal. */
export const formatRate = formatter(1, true);
/** A z-score: always two decimals. */
export const formatZ = formatter(2, false);
