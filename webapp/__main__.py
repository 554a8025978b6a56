"""`python -m webapp`: set up the database and serve the app locally."""

from webapp.serve import main

main()
