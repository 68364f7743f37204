"""MediaWiki 1.39's special page names, for {{#special:}}, {{#speciale:}} and
{{#ifexist:Special:...}} (SpecialPageFactory's canonical names and English aliases)."""

from __future__ import annotations

CANONICAL_NAMES = """
ActiveUsers AllMessages AllMyUploads Allpages AncientPages ApiHelp ApiSandbox
AutoblockList BannedAction BlankPage Block BlockList BookSources BotPasswords
BrokenRedirects Categories ChangeContentModel ChangeCredentials ChangeEmail
ChangePassword ComparePages Confirmemail Contributions CreateAccount DeadendPages
DeletedContributions DeletePage Diff DoubleRedirects EditPage EditTags EditWatchlist
Emailuser ExpandTemplates Export Fewestrevisions FileDuplicateSearch Filepath
GoToInterwiki Import Invalidateemail JavaScriptTest LinkAccounts LinkSearch Listadmins
Listbots ListDuplicatedFiles Listfiles Listgrouprights Listgrants Listredirects
ListUsers Lockdb Log Lonelypages Longpages MediaStatistics MergeHistory MIMEsearch
Mostcategories Mostimages Mostinterwikis Mostlinked Mostlinkedcategories
Mostlinkedtemplates Mostrevisions Movepage Mycontributions MyLanguage Mylog Mypage
Mytalk Myuploads Newimages Newpages NewSection PageData PageHistory PageInfo
PageLanguage PagesWithProp PasswordPolicies PasswordReset PermanentLink Preferences
Prefixindex Protectedpages Protectedtitles ProtectPage Purge Randompage
RandomInCategory Randomredirect Randomrootpage Recentchanges Recentchangeslinked
Redirect RemoveCredentials ResetTokens Revisiondelete RunJobs Search Shortpages
Specialpages Statistics Tags TrackingCategories Unblock UnlinkAccounts
Uncategorizedcategories Uncategorizedimages Uncategorizedpages
Uncategorizedtemplates Undelete Unlockdb Unusedcategories Unusedimages
Unusedtemplates Unwatchedpages Upload UploadStash Userlogin Userlogout Userrights
Version Wantedcategories Wantedfiles Wantedpages Wantedtemplates Watchlist
Whatlinkshere Withoutinterwiki
""".split()

# English aliases as SpecialPageFactory shows them (the first alias is the display name).
DISPLAY = {
    "Allpages": "AllPages",
    "Recentchanges": "RecentChanges",
    "Recentchangeslinked": "RecentChangesLinked",
    "Prefixindex": "PrefixIndex",
    "Whatlinkshere": "WhatLinksHere",
    "Specialpages": "SpecialPages",
    "Userlogin": "UserLogin",
    "Userlogout": "UserLogout",
    "Userrights": "UserRights",
    "Listusers": "ListUsers",
    "Listfiles": "ListFiles",
    "Listadmins": "ListAdmins",
    "Listbots": "ListBots",
    "Listgrouprights": "ListGroupRights",
    "Listgrants": "ListGrants",
    "Listredirects": "ListRedirects",
    "Randompage": "Random",
    "Randomredirect": "RandomRedirect",
    "Randomrootpage": "RandomRootpage",
    "Newpages": "NewPages",
    "Newimages": "NewFiles",
    "Longpages": "LongPages",
    "Shortpages": "ShortPages",
    "Lonelypages": "LonelyPages",
    "DeadendPages": "DeadendPages",
    "Ancientpages": "AncientPages",
    "Movepage": "MovePage",
    "Emailuser": "EmailUser",
    "Confirmemail": "ConfirmEmail",
    "Invalidateemail": "InvalidateEmail",
    "Filepath": "FilePath",
    "Mostlinked": "MostLinkedPages",
    "Mostlinkedcategories": "MostLinkedCategories",
    "Mostlinkedtemplates": "MostTranscludedPages",
    "Mostcategories": "MostCategories",
    "Mostimages": "MostLinkedFiles",
    "Mostinterwikis": "MostInterwikis",
    "Mostrevisions": "MostRevisions",
    "Fewestrevisions": "FewestRevisions",
    "Protectedpages": "ProtectedPages",
    "Protectedtitles": "ProtectedTitles",
    "Uncategorizedcategories": "UncategorizedCategories",
    "Uncategorizedimages": "UncategorizedFiles",
    "Uncategorizedpages": "UncategorizedPages",
    "Uncategorizedtemplates": "UncategorizedTemplates",
    "Unusedcategories": "UnusedCategories",
    "Unusedimages": "UnusedFiles",
    "Unusedtemplates": "UnusedTemplates",
    "Unwatchedpages": "UnwatchedPages",
    "Wantedcategories": "WantedCategories",
    "Wantedfiles": "WantedFiles",
    "Wantedpages": "WantedPages",
    "Wantedtemplates": "WantedTemplates",
    "Withoutinterwiki": "WithoutInterwiki",
    "Revisiondelete": "RevisionDelete",
    "Lockdb": "LockDB",
    "Unlockdb": "UnlockDB",
    "Mycontributions": "MyContributions",
    "Mypage": "MyPage",
    "Mytalk": "MyTalk",
    "Mylog": "MyLog",
    "Myuploads": "MyUploads",
    "BlockList": "BlockList",
    "Log": "Log",
}

_BY_LOWER = {name.lower(): DISPLAY.get(name, name) for name in CANONICAL_NAMES}
_BY_LOWER.update({v.lower(): v for v in DISPLAY.values()})
_BY_LOWER.update({"random": "Random", "newfiles": "NewFiles", "movepage": "MovePage"})


def canonical_name(name: str) -> str | None:
    """The display name of a special page given any of its names, or None."""
    return _BY_LOWER.get(name.replace(" ", "_").lower())


def exists(name: str) -> bool:
    return canonical_name(name) is not None
