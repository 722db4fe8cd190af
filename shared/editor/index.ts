export * from './figure'
export * from './extensions'
export * from './validate-body'
export * from './pull-quote'
