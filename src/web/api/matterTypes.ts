/**
 * Shapes of the tolerance-matter API as the web app sees them, inferred from the Zod contracts
 * (type-only imports: no Zod code reaches the browser bundle).
 */
import type { z } from 'zod';
import type {
  ACTION_BODIES,
  ActionBodies,
  InboxQuery as InboxQuerySchema,
  MatterDetail as MatterDetailSchema,
  MatterList as MatterListSchema,
  OpenMatterBody as OpenMatterSchema,
} from '../../contracts/tolerance.ts';
import type { VerificationAnswer } from '../../contracts/documents.ts';

export type MatterList = z.infer<typeof MatterListSchema>;
export type MatterSummary = MatterList['items'][number];
export type Deadline = NonNullable<MatterSummary['deadline']>;
export type DeadlineStatus = Deadline['status'];

export type MatterDetail = z.infer<typeof MatterDetailSchema>;
export type Matter = MatterDetail['matter'];
export type MatterView = Matter['view'];
export type AllowedAction = MatterDetail['allowedActions'][number];
export type MatterRecord = MatterDetail['records'][number];
export type MatterFile = MatterDetail['files'][number];
export type MatterDocument = MatterDetail['documents'][number];
export type Meeting = NonNullable<MatterDetail['meeting']>;
export type Participant = Meeting['participants'][number];
export type TimelineEntry = MatterDetail['timeline'][number];
export type Recommendation = NonNullable<Matter['recommendation']>;
export type Outcome = Recommendation['recommendation'];
export type Bilingual = AllowedAction['label'];

/** The query string of GET /api/matters as sent (strings, before the server coerces them). */
export type InboxQuery = Partial<Omit<z.input<typeof InboxQuerySchema>, 'page' | 'pageSize'>> & {
  page: number;
  pageSize: number;
};

export type OpenMatterBody = z.input<typeof OpenMatterSchema>;
export type MatterRoute = OpenMatterBody['route'];
export type MatterType = NonNullable<InboxQuery['type']>;

/** Every procedure step with a body (POST /api/matters/:id/actions/<action>). */
export type ActionName = keyof typeof ACTION_BODIES;
export type { ActionBodies };

/** GET/POST /api/verify: whether a code (or an uploaded copy) matches a document this system issued. */
export type VerifyResult = z.infer<typeof VerificationAnswer>;
export type VerifyStatus = VerifyResult['status'];
