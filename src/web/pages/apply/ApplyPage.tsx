import '../../i18n/work.ts';
import { Card, Steps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { useCurrentUser } from '../../auth/AuthProvider.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageLoading } from '../../components/PageStates.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useIsPhone } from '../../components/useIsPhone.ts';
import { useMatter } from '../matters/useMatter.ts';
import { DescribeStep } from './DescribeStep.tsx';
import { EvidenceStep } from './EvidenceStep.tsx';
import { LearnStep } from './LearnStep.tsx';
import '../matters/matters.css';

function hasLocalDraft(userId: string): boolean {
  try {
    return localStorage.getItem(`rongcuo.draft.${userId}.apply`) !== null;
  } catch {
    return false;
  }
}

/** The saved draft (/apply/:id): evidence and submit. */
function DraftStep({ id }: { id: string }) {
  const matter = useMatter(id);
  if (matter.error && !matter.data) return <ErrorState error={matter.error} onRetry={matter.reload} />;
  if (!matter.data) return <PageLoading />;
  return <EvidenceStep detail={matter.data} onChange={matter.setData} />;
}

/**
 * 申请容错: a guided application for the phone — first what can be tolerated, then what happened,
 * then evidence and submit. A returning cadre with text kept on the device starts at the form.
 */
export default function ApplyPage() {
  const { t } = useTranslation('apply');
  const { id } = useParams();
  const user = useCurrentUser();
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const [step, setStep] = useState<0 | 1>(() => (hasLocalDraft(user.id) ? 1 : 0));
  const current = id ? 2 : step;

  return (
    <div className="rc-apply">
      <PageTitle title={t('title')} />
      <Steps
        size="small"
        orientation={isPhone ? 'vertical' : 'horizontal'}
        current={current}
        items={[{ title: t('steps.learn') }, { title: t('steps.describe') }, { title: t('steps.evidence') }]}
      />
      <Card>
        {id ? (
          <DraftStep id={id} />
        ) : step === 0 ? (
          <LearnStep onStart={() => setStep(1)} />
        ) : (
          <DescribeStep
            onBack={() => setStep(0)}
            onSaved={(created) =>
              void navigate(`/apply/${encodeURIComponent(created.id)}`, { replace: true })
            }
          />
        )}
      </Card>
    </div>
  );
}
