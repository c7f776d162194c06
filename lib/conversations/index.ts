export {
  createAccessLink,
  consumeAccessLink,
  revokeCaseLinks,
  signedLinkToken,
  verifyAccessLink,
  type AccessLinkCheck,
} from './access-links';
export { markRepliesRead, recordRequesterReply, type RequesterReply, type RequesterReplyResult } from './reply';
export { sendMessage, type MessageInput, type SendMessageResult } from './send';
export { issueThreadLink, loadMessages, loadPublicThread, type PublicThread, type ThreadMessage } from './thread';
export {
  listTemplates,
  renderTemplate,
  saveTemplate,
  seedDefaultTemplates,
  templateValues,
  unknownVariables,
  TEMPLATE_VARIABLES,
  type TemplateInput,
} from './templates';
