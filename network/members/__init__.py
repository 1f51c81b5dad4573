"""The network's members on the public site: signing in with an e-mailed link, My page
(which other apps add sections to through `my_page`), and a member's data rights
(download, erase)."""
