export * from './format-2021.ts';
export * from './format-2019.ts';
export * from './rules.ts';
export * from './deadlines.ts';
