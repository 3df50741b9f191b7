import { describe, expect, it } from 'vitest';
import { PIECE_SIZE, splitPieces } from '../../src/render/pdf/pack.js';

const sizes = (pieces: number[][]) => pieces.map((piece) => piece.reduce((a, b) => a + b, 0));

describe('the pieces a long pack’s papers are printed in', () => {
  it('are one for a pack shorter than a piece and a half, and none for no papers', () => {
    expect(splitPieces([], (n: number) => n)).toEqual([]);
    expect(splitPieces([1000, 2000], (n) => n)).toEqual([[1000, 2000]]);
    expect(splitPieces([PIECE_SIZE, PIECE_SIZE / 2 - 1], (n) => n)).toHaveLength(1);
  });

  it('keep every paper whole and in order, in pieces of about even size', () => {
    const papers = Array.from({ length: 40 }, (_, i) => 10_000 + ((i * 7919) % 13) * 1000);
    const total = papers.reduce((a, b) => a + b, 0);
    const pieces = splitPieces(papers, (n) => n, total / 3);
    expect(pieces).toHaveLength(3);
    expect(pieces.flat()).toEqual(papers);
    for (const size of sizes(pieces)) expect(Math.abs(size - total / 3)).toBeLessThan(25_000);
  });

  it('never outnumber the papers, and put a very long paper in a piece of its own', () => {
    expect(splitPieces([10 * PIECE_SIZE], (n) => n)).toEqual([[10 * PIECE_SIZE]]);
    const pieces = splitPieces([1000, 3 * PIECE_SIZE, 1000], (n) => n);
    expect(pieces.flat()).toEqual([1000, 3 * PIECE_SIZE, 1000]);
    expect(pieces.some((piece) => piece.length === 1 && piece[0] === 3 * PIECE_SIZE)).toBe(true);
  });
});
