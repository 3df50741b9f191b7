import { describe, expect, it } from 'vitest';
import { nearestMember } from '../../src/lint/helpers.js';
import type { Member } from '../../src/model/types.js';

const member = (name: string): Member => ({ name, role: 'member', aliases: [], position: { file: 'committees/panel/committee.yml', line: 1, column: 1 } });
const members = ['Councillor Katherine Carabine', 'Councillor Brian Davidson', 'Councillor Ann Lee', 'Councillor Bo Chen'].map(member);
const near = (name: string, among = members) => nearestMember(name, among)?.name;

describe('the member a misspelt name probably means', () => {
  it('is named for a slip of a given name or a surname, with or without the title and given name', () => {
    expect(near('Councillor Kathleen Carabine')).toBe('Councillor Katherine Carabine');
    expect(near('Katherine Carrabine')).toBe('Councillor Katherine Carabine');
    expect(near('Cllr Brian Davison')).toBe('Councillor Brian Davidson');
    expect(near('Councillor Davison')).toBe('Councillor Brian Davidson');
    expect(near('Councillor Bob Chen')).toBe('Councillor Bo Chen');
  });

  it('is not named for another person, a name too far off, or two members as near', () => {
    expect(near('Councillor Ben Chan')).toBeUndefined();
    expect(near('Councillor Zed Xylophone')).toBeUndefined();
    expect(near('Councillor Ann Lee')).toBeUndefined(); // the member's own name is no slip
    expect(near('Councillor Al Lee', [member('Councillor Ali Lee'), member('Councillor Al Leed')])).toBeUndefined();
  });
});
