import { ProcedureCreatePage } from './ProcedureCreatePage.tsx';
import { ProcedureDetailPage } from './ProcedureDetailPage.tsx';
import { ProcedureListPage } from './ProcedureListPage.tsx';
import type { ProcedureConfig, ProcedureDetail } from './types.ts';

/** A procedure's three pages bound to its config, for the route table (registry.tsx loads them lazily). */
export type ProcedurePages = {
  List: () => React.JSX.Element;
  Detail: () => React.JSX.Element;
  Create: () => React.JSX.Element;
};

export function procedurePages<D extends ProcedureDetail, B>(config: ProcedureConfig<D, B>): ProcedurePages {
  return {
    List: () => <ProcedureListPage config={config} />,
    Detail: () => <ProcedureDetailPage config={config} />,
    Create: () => <ProcedureCreatePage config={config} />,
  };
}
