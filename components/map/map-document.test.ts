import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { MapOutlines } from '@/lib/core/map/geometry';
import { STATE_MAP_CLASSES } from './map-classes';
import { MAP_THEME, mapDocument, mapPatternId, type MapArea } from './map-document';

const outlines: MapOutlines = {
  width: 100,
  height: 200,
  municipalities: [
    { number: '0301', countyNumber: '03', d: 'M0,0h10v10z', marker: null },
    { number: '3101', countyNumber: '31', d: 'M20,0h10v10z', marker: null },
    { number: '5001', countyNumber: '50', d: 'M40,0h10v10z', marker: { x: 45, y: 5 } },
  ],
  borders: 'M0,0H100',
};

const area = (number: string, name: string, highlighted = false): MapArea => ({
  number,
  name,
  classKey: 'DELIVERED',
  label: `${name}: Levert`,
  href: `/kommuner/${number}`,
  highlighted,
});

describe('the map’s own document', () => {
  const html = mapDocument({
    outlines,
    classes: STATE_MAP_CLASSES,
    areas: new Map([
      ['0301', area('0301', 'Oslo')],
      ['3101', area('3101', 'Halden "<øst>"', true)],
    ]),
    place: 'Norge',
  });

  it('is a Norwegian page whose map is named, with a link per area that opens in the whole window', () => {
    expect(html).toMatch(/^<!DOCTYPE html><html lang="nb">/);
    expect(html).toContain('<title>Kart over Norge</title>');
    expect(html).toContain('<svg viewBox="0 0 100 200" role="group" aria-label="Kart over Norge">');
    const links = [...html.matchAll(/<a [^>]*>/g)].map(([link]) => link);
    expect(links).toHaveLength(2);
    const delivered = mapPatternId(STATE_MAP_CLASSES.findIndex((mapClass) => mapClass.key === 'DELIVERED'));
    expect(links[0]).toBe(
      `<a href="/kommuner/0301" target="_top" aria-label="Oslo: Levert" fill="url(#${delivered})">`,
    );
    // Every text is escaped.
    expect(links[1]).toContain('aria-label="Halden &quot;&lt;øst&gt;&quot;: Levert"');
    expect(html).toContain(`<pattern id="${delivered}" `);
  });

  it('draws a municipality without an area plain, without a link or a name, and outlines a contact’s own', () => {
    expect(html).toContain('<g aria-hidden="true" class="other"><path d="M40,0h10v10z"/></g>');
    expect(html).not.toContain('5001');
    expect(html).toContain('<g class="highlight" aria-hidden="true"><path class="halo" d="M20,0h10v10z"/>');
    expect(html).not.toMatch(/<script/);
  });

  it('uses Designsystemet’s light theme, which the frame cannot read from the page', () => {
    const require = createRequire(import.meta.url);
    const theme = readFileSync(require.resolve('@digdir/designsystemet-css/theme'), 'utf8');
    const light = theme.slice(theme.indexOf('ds.theme.color-scheme.light'));
    const token = (name: string) => light.match(new RegExp(`--ds-color-${name}:(#[0-9a-f]+)`))![1];
    expect(MAP_THEME).toEqual({
      background: token('neutral-background-default'),
      tinted: token('neutral-background-tinted'),
      text: token('neutral-text-default'),
      borderSubtle: token('neutral-border-subtle'),
      focusInner: token('focus-inner'),
      focusOuter: token('focus-outer'),
    });
  });
});
