export * from './actions';
export * from './common';
export * from './errors';
export * from './execute';
export * from './observation';
export * from './scrape';
export * from './session';
export * from './health';
