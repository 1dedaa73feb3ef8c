from poles_qa.cli import main

main()
