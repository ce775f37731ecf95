import { Fragment, type ReactNode } from 'react';

/** Terms and their values as a <dl>: `facts` is a list of [term, value] pairs. */
export function DefinitionList({ facts, small = false }: { facts: Array<[string, ReactNode]>; small?: boolean }) {
  return (
    <dl className={small ? 'definition-list small' : 'definition-list'}>
      {facts.map(([term, value]) => (
        <Fragment key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}
