/** The allow-list of attachment types, shared by the server check and the file inputs. */

// Per type file-type detects from the content: the extensions a sender may give such a file.
export const ALLOWED: Record<string, string[]> = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg', 'jpe'],
  'image/webp': ['webp'],
  'image/gif': ['gif'],
  'image/heic': ['heic', 'heif'],
  'image/heif': ['heic', 'heif'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': ['pptx'],
  'application/vnd.oasis.opendocument.text': ['odt'],
  'application/vnd.oasis.opendocument.spreadsheet': ['ods'],
  'application/vnd.oasis.opendocument.presentation': ['odp'],
};

// Legacy Office files are Compound File Binary containers, which file-type cannot tell apart
// (an .msi is one too): the extension names the type, and the download is still only offered
// as an attachment.
export const COMPOUND_FILE = 'application/x-cfb';
export const LEGACY_OFFICE: Record<string, string> = {
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
};

/** For the file inputs' `accept`: what the browser offers to pick (the server checks again). */
export const ACCEPT = [...new Set([...Object.values(ALLOWED).flat(), ...Object.keys(LEGACY_OFFICE)])].map((e) => `.${e}`).join(',');

/** "PDF", "DOCX", "XLS": the short name staff know a stored type by. */
export function typeLabel(mediaType: string): string {
  const extension = ALLOWED[mediaType]?.[0] ?? Object.entries(LEGACY_OFFICE).find(([, type]) => type === mediaType)?.[0];
  return extension ? extension.toUpperCase() : mediaType;
}
