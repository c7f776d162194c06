export { COMPANY_KINDS, SIZE_CLASSES, type CompanyKind, type SizeClass } from '../../db/schema/vocabulary';
