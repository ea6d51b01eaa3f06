export { screenText, type Hit, type ScreenOptions } from './screen.ts';
export { maskText, maskValue, maskValues } from './mask.ts';
export { compactKey } from './normalize.ts';
export { idCheckChar, isIdNumber, passesLuhn } from './checks.ts';
