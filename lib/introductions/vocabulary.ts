export {
  AGREEMENT_KINDS,
  INTRODUCTION_CHANNELS,
  INTRODUCTION_OUTCOMES,
  type AgreementKind,
  type IntroductionChannel,
  type IntroductionOutcome,
} from '../../db/schema/vocabulary';
