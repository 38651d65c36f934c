import { Button } from 'antd';
import { useState } from 'react';
import type { AllowedAction } from '../../api/matterTypes.ts';
import { EvidenceDialog } from '../matters/actions/EvidenceDialog.tsx';
import { useBilingual } from '../matters/labels.tsx';
import { uploadProcedureFile } from './api.ts';
import { ProcedureActionDialog } from './ProcedureActionDialog.tsx';
import type { ProcedureConfig, ProcedureDetail } from './types.ts';

/** The step that uploads a file instead of sending a form. */
export const UPLOAD_ACTION = 'add_evidence';

type Props<D extends ProcedureDetail> = {
  config: ProcedureConfig<D>;
  detail: D;
  onChange: (detail: D | null) => void;
  /** Large buttons stacked for phones. */
  large?: boolean;
};

/**
 * The buttons of the steps this user may take now — exactly the API's `allowedActions`, never decided
 * by the page. Each opens the step's form; the upload step opens the upload dialog.
 */
export function ProcedureActionBar<D extends ProcedureDetail>({
  config,
  detail,
  onChange,
  large = false,
}: Props<D>) {
  const pick = useBilingual();
  const [open, setOpen] = useState<AllowedAction | null>(null);
  if (detail.allowedActions.length === 0) return null;
  const done = (next: D | null) => {
    setOpen(null);
    onChange(next);
  };
  // The step that moves the matter on leads (the config says which, else the first ordinary one);
  // danger steps stay secondary and red.
  const ordinary = detail.allowedActions.filter((a) => !a.danger && a.action !== UPLOAD_ACTION);
  const lead = ordinary.find((a) => config.leadActions?.includes(a.action)) ?? ordinary[0];

  return (
    <>
      <div className={large ? 'rc-party-actions' : 'rc-action-bar'} data-testid="action-bar">
        {detail.allowedActions.map((a) => (
          <Button
            key={a.action}
            danger={a.danger}
            type={a === lead ? 'primary' : 'default'}
            size={large ? 'large' : 'middle'}
            onClick={() => setOpen(a)}
            data-testid={`action-${a.action}`}
          >
            {pick(a.label)}
          </Button>
        ))}
      </div>
      {open?.action === UPLOAD_ACTION ? (
        <EvidenceDialog<D>
          detail={detail}
          title={pick(open.label)}
          canChooseVisibility={config.uploadVisibility && detail.matter.view === 'full'}
          upload={(id, file, fields, options) => uploadProcedureFile<D>(config, id, file, fields, options)}
          onClose={() => setOpen(null)}
          onDone={done}
        />
      ) : open ? (
        <ProcedureActionDialog
          config={config}
          detail={detail}
          action={open}
          onClose={() => setOpen(null)}
          onDone={done}
        />
      ) : null}
    </>
  );
}
