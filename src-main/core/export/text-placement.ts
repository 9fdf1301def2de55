import type { Operation } from './content-stream.ts';

export type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

export function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}

/**
 * Follows the graphics and text state of a content stream far enough to say where each
 * text-showing operation starts on the page (user space). pdf.js extracts only what lies
 * inside the crop box, so text placed outside it is invisible to import, detection and
 * verification alike; the sanitiser uses this to find such text and render the page instead.
 * Glyph widths are not known here: only start points are tracked, which is exact for text
 * drawn piece by piece and enough to catch text parked outside the page.
 */
export class TextPlacement {
  #ctm: Matrix = IDENTITY;
  readonly #stack: Matrix[] = [];
  #tm: Matrix = IDENTITY;
  #lineStart: Matrix = IDENTITY;
  #leading = 0;
  #rise = 0;

  /** The current transformation matrix (where a form drawn now lands). */
  get ctm(): Matrix {
    return this.#ctm;
  }

  /** The start point of the text shown by this operation, or null when it shows none. */
  next(op: Operation): [number, number] | null {
    const n = op.operands.map((o) => Number(o.raw));
    switch (op.operator) {
      case 'q':
        this.#stack.push(this.#ctm);
        return null;
      case 'Q':
        this.#ctm = this.#stack.pop() ?? IDENTITY;
        return null;
      case 'cm':
        if (n.length === 6 && n.every(Number.isFinite)) this.#ctm = multiply(n as Matrix, this.#ctm);
        return null;
      case 'BT':
        this.#tm = this.#lineStart = IDENTITY;
        return null;
      case 'Tm':
        if (n.length === 6 && n.every(Number.isFinite)) this.#tm = this.#lineStart = n as Matrix;
        return null;
      case 'TD':
        this.#leading = -(n[1] ?? 0);
        this.#moveLine(n[0] ?? 0, n[1] ?? 0);
        return null;
      case 'Td':
        this.#moveLine(n[0] ?? 0, n[1] ?? 0);
        return null;
      case 'TL':
        this.#leading = n[0] ?? 0;
        return null;
      case 'Ts':
        this.#rise = n[0] ?? 0;
        return null;
      case 'T*':
        this.#moveLine(0, -this.#leading);
        return null;
      case "'":
      case '"':
        this.#moveLine(0, -this.#leading);
        return this.#start();
      case 'Tj':
      case 'TJ':
        return this.#start();
      default:
        return null;
    }
  }

  #moveLine(tx: number, ty: number): void {
    if (!Number.isFinite(tx) || !Number.isFinite(ty)) return;
    this.#tm = this.#lineStart = multiply([1, 0, 0, 1, tx, ty], this.#lineStart);
  }

  #start(): [number, number] {
    const [, , c, d, e, f] = multiply(this.#tm, this.#ctm);
    return [c * this.#rise + e, d * this.#rise + f];
  }
}
