import { compareTimestamps } from './timestamps';

describe('compareTimestamps', () => {
  it('orders timestamps to the microsecond', () => {
    expect(compareTimestamps('2025-10-23T12:00:00.123456+00:00', '2025-10-23T12:00:00.123457+00:00')).toBe(-1);
    expect(compareTimestamps('2025-10-23T12:00:00.1235+00:00', '2025-10-23T12:00:00.123499+00:00')).toBe(1);
    expect(compareTimestamps('2025-10-23T14:00:00+02:00', '2025-10-23T12:00:00.000000+00:00')).toBe(0);
    expect(compareTimestamps('2025-10-23T12:00:01Z', '2025-10-23T12:00:00.999999Z')).toBe(1);
  });
});
