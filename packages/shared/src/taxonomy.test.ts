import { describe, expect, it } from 'vitest';
import {
  COOPERATION_TYPE_LABELS,
  COOPERATION_TYPES,
  FIELD_TAXONOMY,
  FIELDS_BY_CODE,
  fieldLabel,
  fieldLineage,
  synonymGroups,
} from './taxonomy.js';

describe('field taxonomy', () => {
  it('is a tree of at least two levels with dotted, unique codes', () => {
    expect(FIELD_TAXONOMY.length).toBeGreaterThanOrEqual(12);
    for (const root of FIELD_TAXONOMY) {
      expect(root.code).not.toContain('.');
      expect(root.children.length).toBeGreaterThan(0);
      for (const child of root.children) expect(child.code.startsWith(`${root.code}.`)).toBe(true);
    }
    const count = FIELD_TAXONOMY.reduce((sum, root) => sum + 1 + root.children.length, 0);
    expect(FIELDS_BY_CODE.size).toBe(count);
  });

  it('labels a code in either language and shows an unknown code as it is', () => {
    expect(fieldLabel('machinery.cnc', 'zh-CN')).toBe('数控机床');
    expect(fieldLabel('machinery.cnc', 'en')).toBe('CNC machine tools');
    expect(fieldLabel('no.such', 'en')).toBe('no.such');
    expect(fieldLineage('machinery.bearings')).toEqual(['machinery', 'machinery.bearings']);
  });

  it('gives synonym groups that pair Chinese and English terms without duplicates', () => {
    const groups = synonymGroups();
    const cnc = groups.find((group) => group.includes('数控机床'));
    expect(cnc).toEqual(expect.arrayContaining(['数控机床', 'CNC machine tools', 'CNC机床']));
    for (const group of groups) {
      expect(group.length).toBeGreaterThan(1);
      expect(new Set(group.map((term) => term.toLowerCase())).size).toBe(group.length);
    }
  });
});

describe('cooperation types', () => {
  it('labels every type in both languages, in the same order', () => {
    expect(COOPERATION_TYPE_LABELS.map((label) => label.value)).toEqual([...COOPERATION_TYPES]);
    for (const label of COOPERATION_TYPE_LABELS) expect(label.zh && label.en).toBeTruthy();
  });
});
