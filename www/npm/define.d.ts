// `bias-compare/define`: importing it defines <bias-compare>.

export * from './bias-compare.js';
