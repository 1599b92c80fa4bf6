export { correctionRequestedMail, type TCorrectionRequestedMailData } from "./correction-requested-mail";
export { issuanceMail, type TIssuanceMailData } from "./issuance-mail";
export { rejectionMail, type TRejectionMailData } from "./rejection-mail";
export { reissueStartedMail, type TReissueStartedMailData } from "./reissue-started-mail";
export { escapeHtml, type TRenderedMail } from "./render-mail";
export { submissionReceivedMail, type TSubmissionReceivedMailData } from "./submission-received-mail";
export { translatorRegisteredMail, type TTranslatorRegisteredMailData } from "./translator-registered-mail";
export type { TCaseMailData, TOfficeContact } from "./types";
export { accountExistsMail, cuiInUseMail, registrationConfirmationMail, registrationRefusedMail } from "./registration-mails";
