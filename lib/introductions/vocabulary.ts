export {
  AGREEMENT_KINDS,
  INTRODUCTION_CHANNELS,
  INTRODUCTION_OUTCOMES,
  OPEN_OUTCOMES,
  type AgreementKind,
  type IntroductionChannel,
  type IntroductionOutcome,
} from '../../db/schema/vocabulary';
export type { OutcomeSource } from '../../db/schema/introductions';
