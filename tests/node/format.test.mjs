// The panel's number formatting (www/bias-compare/format.js) writes what
// Intl.NumberFormat('en-US') writes, which it stands in for: thousands commas, rounding half
// away from zero on the shortest decimal form, a maximum or a fixed number of decimals.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatNumber, formatRate, formatZ } from '../../www/bias-compare/format.js';

const intl = {
  formatNumber: new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 }),
  formatRate: new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 }),
  formatZ: new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
};
const ours = { formatNumber, formatRate, formatZ };

// Magnitudes below 1e21, where Number.prototype.toFixed stops writing exponents: every count,
// rate and z-score a report holds.
const VALUES = [
  0, 1, 9, 10, 999, 1000, 1234567, 0.05, 0.35, 0.45, 0.95, 1.05, 2.675, 9.95, 99.95, 999.95, 48.7, 48.75,
  0.0005, 0.0004999, 1.0005, 12.3456, 1e-7, 1e20, 123456789.125, -0.35, -2.5, -1234.5678, 7 / 3, 2 / 3,
];

for (const name of Object.keys(ours)) {
  test(`${name} matches Intl.NumberFormat('en-US')`, () => {
    for (const value of VALUES) assert.equal(ours[name](value), intl[name].format(value), `${name}(${value})`);
  });
}

test('a value that is not a number is written as 0', () => {
  assert.equal(formatNumber(undefined), '0');
  assert.equal(formatZ(Number.NaN), '0.00');
});
