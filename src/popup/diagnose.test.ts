import { describe, expect, it } from 'vitest';
import type { LinkState } from '@shared/protocol/popup';
import { diagnoseLink } from './diagnose';

const link = (change: Partial<LinkState>): LinkState => ({
  connected: false,
  last_error: null,
  host: null,
  since: '2026-01-01T00:00:00.000Z',
  ...change,
});

describe('diagnoseLink', () => {
  it('reports a connected bridge', () => {
    const host = { listening: true, url: 'http://127.0.0.1:7410', error: null };
    expect(diagnoseLink(link({ connected: true, host })).state).toBe('connected');
  });

  it('maps an unregistered host to the register command', () => {
    const d = diagnoseLink(link({ last_error: 'Specified native messaging host not found.' }));
    expect(d).toMatchObject({ state: 'disconnected', title: 'Bridge host not registered' });
    expect(d.hint).toContain('npm run register');
    expect(d.detail).toBe('Specified native messaging host not found.');
  });

  it('maps an exited host to its log and the port', () => {
    const d = diagnoseLink(link({ last_error: 'Native host has exited.' }));
    expect(d.title).toBe('Bridge host exited');
    expect(d.hint).toContain('port');
  });

  it('says the port is in use when the host cannot listen', () => {
    const host = {
      listening: false,
      url: null,
      error: 'listen EADDRINUSE: address already in use',
    };
    const d = diagnoseLink(link({ connected: false, host }));
    expect(d).toMatchObject({ state: 'disconnected', title: 'Bridge port in use' });
    expect(d.detail).toContain('EADDRINUSE');
  });

  it('is still connecting before any answer', () => {
    expect(diagnoseLink(link({})).state).toBe('connecting');
  });

  it('keeps an unknown browser message as the detail', () => {
    const d = diagnoseLink(link({ last_error: 'Something new.' }));
    expect(d).toMatchObject({ title: 'Bridge disconnected', detail: 'Something new.' });
  });
});
