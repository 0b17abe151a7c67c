import { describe, expect, it } from 'vitest';
import { matchFields, type FieldFacts } from './form-fields';

const field = (facts: Partial<FieldFacts>): FieldFacts => ({
  autocomplete: '',
  name: '',
  id: '',
  label: '',
  type: 'text',
  ...facts,
});

describe('matchFields', () => {
  it('matches by autocomplete first', () => {
    const fields = [
      field({ name: 'f1', autocomplete: 'family-name' }),
      field({ name: 'f2', autocomplete: 'given-name' }),
    ];
    const matched = matchFields(['first_name', 'last_name'], fields);
    expect(matched.get('first_name')).toEqual([1]);
    expect(matched.get('last_name')).toEqual([0]);
  });

  it('matches by name or id, then by label text', () => {
    const fields = [
      field({ label: 'Your e-mail address' }),
      field({ id: 'zip' }),
      field({ name: 'tel', type: 'tel' }),
      field({ label: 'Town or city' }),
    ];
    const matched = matchFields(['email', 'postal_code', 'phone', 'city', 'company'], fields);
    expect(Object.fromEntries(matched)).toEqual({
      email: [0],
      postal_code: [1],
      phone: [2],
      city: [3],
    });
  });

  it('gives each field one key, the best fitting', () => {
    const fields = [field({ name: 'email', type: 'email' }), field({ name: 'username' })];
    const matched = matchFields(['username', 'email'], fields);
    expect(matched.get('email')).toEqual([0]);
    expect(matched.get('username')).toEqual([1]);
  });

  it('fills a password and its confirmation', () => {
    const fields = [
      field({ name: 'pw', type: 'password' }),
      field({ name: 'pw2', type: 'password', label: 'Confirm password' }),
    ];
    expect(matchFields(['password'], fields).get('password')).toEqual([0, 1]);
  });

  it('understands aliases and unknown keys named like the field', () => {
    const fields = [field({ name: 'zipcode' }), field({ name: 'loyalty_number' })];
    const matched = matchFields(['zip', 'loyalty_number'], fields);
    expect(matched.get('zip')).toEqual([0]);
    expect(matched.get('loyalty_number')).toEqual([1]);
  });

  it('does not take a first name field for the full name', () => {
    const fields = [field({ name: 'first_name' }), field({ name: 'name' })];
    const matched = matchFields(['full_name', 'first_name'], fields);
    expect(matched.get('full_name')).toEqual([1]);
    expect(matched.get('first_name')).toEqual([0]);
  });
});
