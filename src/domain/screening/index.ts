export { screenText, type Hit, type ScreenOptions } from './screen.ts';
export { maskText, maskValue } from './mask.ts';
export { idCheckChar, isIdNumber, passesLuhn } from './checks.ts';
