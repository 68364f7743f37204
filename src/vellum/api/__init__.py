"""The MediaWiki Action API (/api.php): a dispatcher, parameter declarations, and one module
per API module (action=edit, action=query's prop/list/meta submodules, ...), speaking
MediaWiki 1.39's JSON in formatversion 1 and 2 so that mwclient and pywikibot work unchanged.
"""
