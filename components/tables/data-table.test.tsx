import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DataTable, textRowsMarkup } from './data-table';

describe('textRowsMarkup', () => {
  it('writes each row with its first cell as the row header', () => {
    expect(
      textRowsMarkup([
        ['01.01.2026', '0,0 %', '7,8 %'],
        ['02.01.2026', '12,3 %', '–'],
      ]),
    ).toBe(
      '<tr><th scope="row">01.01.2026</th><td>0,0 %</td><td>7,8 %</td></tr>' +
        '<tr><th scope="row">02.01.2026</th><td>12,3 %</td><td>–</td></tr>',
    );
  });

  it('escapes every text, so no cell can write markup', () => {
    expect(textRowsMarkup([['<script>alert("x")</script>', "Aust & Vest's <b>"]])).toBe(
      '<tr><th scope="row">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</th>' +
        '<td>Aust &amp; Vest&#39;s &lt;b&gt;</td></tr>',
    );
  });

  it('writes nothing for no rows', () => {
    expect(textRowsMarkup([])).toBe('');
  });
});

describe('DataTable', () => {
  it('renders text rows as the same markup as the same rows given as elements', () => {
    const rows = [
      ['Oslo', '0', '1'],
      ['Møre og Romsdal', '1', '26'],
    ] as const;
    const asText = renderToStaticMarkup(<DataTable caption="Per fylke" columns={['Fylke', 'A', 'B']} rows={rows} />);
    const asElements = renderToStaticMarkup(
      <DataTable caption="Per fylke" columns={['Fylke', 'A', 'B']}>
        {rows.map(([header, ...cells]) => (
          <tr key={header}>
            <th scope="row">{header}</th>
            {cells.map((cell, index) => (
              <td key={index}>{cell}</td>
            ))}
          </tr>
        ))}
      </DataTable>,
    );
    expect(asText).toBe(asElements);
    expect(asText).toContain('<tbody><tr><th scope="row">Oslo</th><td>0</td><td>1</td></tr>');
  });
});
