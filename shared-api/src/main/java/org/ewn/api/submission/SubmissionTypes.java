package org.ewn.api.submission;

/** The {@code type} a signed submission names; each endpoint takes one. */
public final class SubmissionTypes {

    public static final String NETWORK_FOUND = "network.found";
    public static final String MEMBER_ADMIT = "member.admit";
    public static final String MEMBER_SUSPEND = "member.suspend";
    public static final String MEMBER_REINSTATE = "member.reinstate";
    public static final String AGENCY_REGISTER = "agency.register";
    public static final String AGENCY_CALLBACK = "agency.callback";
    public static final String KEY_ENROL = "key.enrol";
    public static final String KEY_REVOKE = "key.revoke";
    public static final String GROUP_DEFINE = "group.define";
    public static final String GROUP_DISSOLVE = "group.dissolve";
    public static final String ALERT_RAISE = "alert.raise";
    public static final String SUBJECT_ERASE = "subject.erase";
    public static final String ALERT_ACKNOWLEDGE = "alert.acknowledge";
    public static final String ALERT_WITHDRAW = "alert.withdraw";
    public static final String ALERT_FOLLOW_UP = "alert.follow-up";
    public static final String ALERT_SHARING_REQUEST = "alert.sharing-request";
    public static final String ALERT_SHARING_DECISION = "alert.sharing-decision";
    public static final String TRANSFER_REQUEST = "transfer.request";
    public static final String TRANSFER_ACCEPT = "transfer.accept";
    public static final String TRANSFER_REJECT = "transfer.reject";
    public static final String TRANSFER_ASK = "transfer.ask";
    public static final String TRANSFER_GRANT = "transfer.grant";
    public static final String TRANSFER_REFUSE = "transfer.refuse";
    public static final String REFERRAL_SUBMIT = "referral.submit";
    public static final String REFERRAL_ACCEPT = "referral.accept";
    public static final String REFERRAL_DECLINE = "referral.decline";
    public static final String REFERRAL_PROGRESS = "referral.progress";
    public static final String REFERRAL_CLOSE = "referral.close";
    public static final String REFERRAL_REVOKE = "referral.revoke";
    public static final String REFERRAL_CONSENT_WITHDRAWAL = "referral.consent-withdrawal";

    private SubmissionTypes() {
    }
}
