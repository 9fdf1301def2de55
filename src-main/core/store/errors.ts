import { DocketError } from '../errors.ts';

export class StoreError extends DocketError {
  constructor(code: string, message: string) {
    super(code, message);
    this.name = 'StoreError';
  }
}
