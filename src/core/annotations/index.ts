/** The researcher's annotations: the model, the file, and the operations on them. */
export * from './model';
export * from './file';
export * from './operations';
export * from './tags';
export * from './changes';
