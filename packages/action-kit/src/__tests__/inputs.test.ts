import { UsageError } from '@gatehouse/findings';
import { Inputs } from '../inputs.js';

const from = (values: Record<string, string>): Inputs => new Inputs((name) => values[name], '/work/space');

describe('Inputs', () => {
  it('reads strict booleans and rejects anything else with the input name', () => {
    expect(from({ a: 'true', b: 'FALSE' }).boolean('a', false)).toBe(true);
    expect(from({ b: 'FALSE' }).boolean('b', true)).toBe(false);
    expect(from({}).boolean('c', true)).toBe(true);
    expect(() => from({ a: 'yes' }).boolean('a', false)).toThrow(
      new UsageError("Input 'a' must be true or false (got 'yes')."),
    );
  });

  it('reads enums, naming what is accepted', () => {
    expect(from({ 'fail-on': 'HIGH' }).enum('fail-on', ['high', 'low'], 'low')).toBe('high');
    expect(() => from({ 'fail-on': 'severe' }).enum('fail-on', ['high', 'low'], 'low')).toThrow(
      "Input 'fail-on' must be one of high, low (got 'severe').",
    );
  });

  it('splits lists by newline, and by comma only when asked', () => {
    const inputs = from({ l: ' a.json \n\n b,c.json \n' });
    expect(inputs.list('l')).toEqual(['a.json', 'b,c.json']);
    expect(inputs.list('l', { commas: true })).toEqual(['a.json', 'b', 'c.json']);
    expect(inputs.list('missing')).toEqual([]);
  });

  it('resolves paths against the workspace and enforces required inputs', () => {
    expect(from({ p: 'out/x.sarif' }).path('p')).toBe('/work/space/out/x.sarif');
    expect(() => from({}).string('reports', { required: true })).toThrow("Input 'reports' is required.");
    expect(from({ s: '   ' }).string('s', { default: 'd' })).toBe('d');
  });

  it('reads bounded integers', () => {
    expect(from({ n: '3' }).integer('n', 1, { min: 1, max: 5 })).toBe(3);
    expect(() => from({ n: '9' }).integer('n', 1, { min: 1, max: 5 })).toThrow(
      "Input 'n' must be an integer between 1 and 5 (got '9').",
    );
    expect(() => from({ n: '1.5' }).integer('n', 1)).toThrow(/must be an integer/);
  });
});
